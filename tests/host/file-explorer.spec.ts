import { appConfig, component, dependency, expect, test } from "./fixtures";

const tree = [
  { name: "dir1", type: "folder", valid: true, children: [{ name: "bar.txt", type: "file", valid: true }, { name: "foo.txt", type: "file", valid: true }] },
  { name: "notes.md", type: "file", valid: true },
];

function explorer(props: Record<string, unknown>) {
  return appConfig(
    [component(1, "fileexplorer", { label: "Files", value: null, tree, file_count: "multiple", max_height: 500, ...props })],
    [dependency(0, { targets: [[1, "input"]], inputs: [1], outputs: [] })],
  );
}

test("checking files in the tree makes the value Gradio's list of paths", async ({ core, page }) => {
  await core.mount(explorer({}));
  const files = page.getByRole("group", { name: "Files" });
  await files.getByRole("button", { name: "expand directory dir1" }).click();
  await files.getByRole("checkbox", { name: "foo.txt" }).check();
  const [first] = await core.expectEvents(1);
  expect(first?.data).toEqual([[["dir1", "foo.txt"]]]);
  await core.answer(first?.event_id ?? "", []);
  await files.getByRole("checkbox", { name: "notes.md" }).check();
  const events = await core.expectEvents(2);
  expect(events[1]?.data).toEqual([[["dir1", "foo.txt"], ["notes.md"]]]);
});

test("file_count single keeps one file checked; a value from the app opens its folder", async ({ core, page }) => {
  await core.mount(explorer({ file_count: "single", value: [["dir1", "bar.txt"]] }));
  const files = page.getByRole("group", { name: "Files" });
  await expect(files.getByRole("checkbox", { name: "bar.txt" })).toBeChecked();
  await files.getByRole("checkbox", { name: "notes.md" }).check();
  await expect(files.getByRole("checkbox", { name: "bar.txt" })).not.toBeChecked();
  const [event] = await core.expectEvents(1);
  expect(event?.data).toEqual([[["notes.md"]]]);
});

const nested = [
  {
    name: "dir4", type: "folder", valid: true, children: [
      { name: "dir5", type: "folder", valid: true, children: [{ name: "dir5_foo.txt", type: "file", valid: true }] },
      { name: "dir_4_bar.log", type: "file", valid: true },
    ],
  },
  { name: "dir3_bar.log", type: "file", valid: true },
];

test("a folder opens by its 'expand directory' button, listing '.' (the folder itself) then what it holds", async ({ core, page }) => {
  await core.mount(explorer({ tree: nested }));
  const expand = page.locator("span").filter({ hasText: "dir4" }).getByLabel("expand directory");
  await expect(expand).toHaveAttribute("aria-expanded", "false");
  // A shut folder's entries are not on the page.
  await expect(page.getByRole("checkbox", { name: "dir_4_bar.log" })).toHaveCount(0);
  await expand.click();
  await expect(expand).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator("li").filter({ hasText: "dir4 . dir5 dir_4_bar.log" })).toHaveCount(1);
  await expand.click();
  await expect(page.getByRole("checkbox", { name: "dir_4_bar.log" })).toHaveCount(0);
});

test("checking a folder chooses all it holds, folders inside too, as Gradio's value of files", async ({ core, page }) => {
  await core.mount(explorer({ tree: nested }));
  await page.getByRole("button", { name: "expand directory dir4" }).click();
  // Checked in place: the box stays the one clicked, while dir5 opens beside it.
  await page.locator("li").filter({ hasText: "dir4 . dir5 dir_4_bar.log" }).getByRole("checkbox").first().check();
  await expect(page.locator("li").filter({ hasText: "dir4 . dir5 . dir5_foo.txt dir_4_bar.log" })).toHaveCount(1);
  const [event] = await core.expectEvents(1);
  expect(event?.data).toEqual([[["dir4", "."], ["dir4", "dir5", "."], ["dir4", "dir5", "dir5_foo.txt"], ["dir4", "dir_4_bar.log"]]]);
  await core.answer(event?.event_id ?? "", []);
  // Unchoosing one file leaves the others, and the folders around it are no longer chosen entirely.
  await page.getByRole("checkbox", { name: "dir5_foo.txt" }).uncheck();
  const events = await core.expectEvents(2);
  expect(events[1]?.data).toEqual([[["dir4", "."], ["dir4", "dir5", "."], ["dir4", "dir_4_bar.log"]]]);
  await expect(page.locator("span").filter({ hasText: "dir4" }).getByRole("checkbox").first()).not.toBeChecked();
});

test("a new root or glob is a new tree: what was chosen in the old one goes, and that is a change", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "fileexplorer", { label: "Files", value: null, tree: nested, file_count: "multiple", root_dir: "/data/a", glob: "**/*" })],
      [dependency(0, { targets: [[1, "change"]], inputs: [1], outputs: [] })],
    ),
  );
  await page.getByRole("checkbox", { name: "dir3_bar.log" }).check();
  const [first] = await core.expectEvents(1);
  expect(first?.data).toEqual([[["dir3_bar.log"]]]);
  await core.answer(first?.event_id ?? "", []);
  await core.update("e", [{ id: 1, props: { root_dir: "/data/b", tree: nested } }]);
  await expect(page.getByRole("checkbox", { name: "dir3_bar.log" })).not.toBeChecked();
  const events = await core.expectEvents(2);
  expect(events[1]?.data).toEqual([[]]);
});

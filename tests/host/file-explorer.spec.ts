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
  await files.getByText("dir1").click();
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

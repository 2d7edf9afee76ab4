import { appConfig, component, dependency, expect, fileData, test } from "./fixtures";

test("a liked reply sends Gradio's LikeData; Retry and Undo name the last user message", async ({ core, page }) => {
  const chat = [
    { role: "user", content: "Hello" },
    { role: "assistant", content: "Hi there" },
    { role: "assistant", content: "How can I help?" },
  ];
  await core.mount(
    appConfig(
      [component(1, "chatbot", { label: "Chat", value: chat, likeable: true, feedback_options: ["Like", "Dislike"], _retryable: true, _undoable: true })],
      [
        dependency(0, { targets: [[1, "like"]] }),
        dependency(1, { targets: [[1, "retry"]] }),
        dependency(2, { targets: [[1, "undo"]] }),
      ],
    ),
  );
  // One pair of thumbs for the reply group, none for the user's message.
  await expect(page.getByRole("button", { name: "Dislike" })).toHaveCount(1);
  await page.getByRole("button", { name: "Dislike" }).click();
  await expect(page.getByRole("button", { name: "Disliked" })).toHaveAttribute("aria-pressed", "true");
  const [like] = await core.expectEvents(1);
  expect(like).toMatchObject({ fn: 0, trigger_id: 1, event_data: { index: 1, value: ["Hi there", "How can I help?"], liked: false } });
  await core.answer(like?.event_id ?? "", []);
  await page.getByRole("button", { name: "Retry" }).click();
  await page.getByRole("button", { name: "Undo" }).click();
  const [, retry, undo] = await core.expectEvents(3);
  expect(retry).toMatchObject({ fn: 1, event_data: { index: 0, value: "Hello" } });
  expect(undo).toMatchObject({ fn: 2, event_data: { index: 0, value: "Hello" } });
});

test("removing one of several files sends DeletedFileData and the files left", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "file", { label: "Files", file_count: "multiple", value: [fileData("/tmp/a.txt", "a.txt"), fileData("/tmp/b.txt", "b.txt")] })],
      [dependency(0, { targets: [[1, "delete"]], inputs: [1] })],
    ),
  );
  await page.getByRole("button", { name: "Remove this file" }).first().click();
  const [deleted] = await core.expectEvents(1);
  expect(deleted?.event_data).toMatchObject({ path: "/tmp/a.txt", orig_name: "a.txt" });
  expect(deleted?.data).toEqual([[fileData("/tmp/b.txt", "b.txt")]]);
  await expect(page.getByText("a.txt")).toHaveCount(0);
});

test("a key in a custom-value dropdown sends KeyUpData", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "dropdown", { label: "Fruit", choices: [["apple", "apple"]], value: null, allow_custom_value: true })],
      [dependency(0, { targets: [[1, "key_up"]] })],
    ),
  );
  await page.getByLabel("Fruit", { exact: true }).pressSequentially("k");
  const [keyUp] = await core.expectEvents(1);
  expect(keyUp?.event_data).toEqual({ key: "k", input_value: "k" });
});

test("a .then() step names its chain's trigger; .failure() runs only after an error", async ({ core, page }) => {
  await core.mount(
    appConfig(
      [component(1, "button", { value: "Go" }), component(2, "textbox", { label: "Out", value: "" })],
      [
        dependency(0, { targets: [[1, "click"]], outputs: [2] }),
        dependency(1, { targets: [], trigger_after: 0, outputs: [2] }),
        dependency(2, { targets: [], trigger_after: 0, trigger_only_on_failure: true, outputs: [2] }),
        dependency(3, { targets: [], trigger_after: 0, trigger_only_on_success: true, outputs: [2] }),
      ],
    ),
  );
  await page.getByRole("button", { name: "Go", exact: true }).click();
  const [first] = await core.expectEvents(1);
  await core.answer(first?.event_id ?? "", [], "done");
  const afterSuccess = await core.expectEvents(3);
  expect(afterSuccess.slice(1).map((event) => [event.fn, event.trigger_id])).toEqual([
    [1, 1],
    [3, 1],
  ]);
  for (const event of afterSuccess.slice(1)) await core.answer(event.event_id, []);
  await page.getByRole("button", { name: "Go", exact: true }).click();
  const runs = await core.expectEvents(4);
  await core.answer(runs[3]?.event_id ?? "", [], "error");
  const afterFailure = await core.expectEvents(6);
  expect(afterFailure.slice(4).map((event) => event.fn)).toEqual([1, 2]);
});

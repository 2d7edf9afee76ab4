import { appConfig, component, expect, test } from "./fixtures";

test("Markdown draws $$…$$ as display math with KaTeX; TeX in code and without delimiters stays text", async ({ core, page }) => {
  await core.mount(appConfig([
    component(1, "markdown", { value: "Area: $$\\pi r_1 r_2$$ and `$$kept$$` and $not math$" }),
    component(2, "markdown", { value: "Inline $a_1 b_2$ here", latex_delimiters: [{ left: "$", right: "$", display: false }] }),
    component(3, "markdown", { value: "Off: $$x^2$$", latex_delimiters: [] }),
  ]));
  const [first, second, third] = [1, 2, 3].map((n) => page.getByTestId("markdown").nth(n - 1));
  // MathML, which the browser draws: the subscripts are TeX's, not Markdown's emphasis.
  const display = first!.locator(".katex-display math");
  await expect(display).toHaveAttribute("display", "block");
  await expect(display.locator("msub")).toHaveCount(2);
  await expect(first!.locator("em")).toHaveCount(0);
  await expect(first!.locator("code")).toHaveText("$$kept$$");
  await expect(first!).toContainText("$not math$");
  await expect(second!.locator("math")).not.toHaveAttribute("display", "block");
  await expect(second!.locator(".katex-display")).toHaveCount(0);
  await expect(second!.locator("msub")).toHaveCount(2);
  await expect(third!).toHaveText("Off: $$x^2$$");
  await expect(third!.locator("math")).toHaveCount(0);
});

test("a formula KaTeX cannot read is shown as its source, and the rest of the text still draws", async ({ core, page }) => {
  await core.mount(appConfig([component(1, "markdown", { value: "Broken $$\\frac{1}{$$ then **bold**" })]));
  const text = page.getByTestId("markdown");
  await expect(text.locator("strong")).toHaveText("bold");
  await expect(text.locator(".katex-display")).toContainText("\\frac{1}{");
});

test("Chatbot draws LaTeX in a message, as Gradio's chatbot does by default", async ({ core, page }) => {
  await core.mount(appConfig([
    component(1, "chatbot", { label: "Chat", value: [{ role: "user", content: "This is LaTeX $$x^2$$" }, { role: "assistant", content: "ok" }] }),
  ]));
  const user = page.getByTestId("user").first().getByRole("paragraph");
  await expect(user.locator(".katex-display math msup")).toHaveCount(1);
  await expect(user).toContainText("This is LaTeX");
});

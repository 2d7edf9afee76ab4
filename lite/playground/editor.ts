/**
 * The playground's code editor: CodeMirror 6 with Python highlighting, named
 * "Code" for assistive technology, and Ctrl/Cmd+Enter to run.
 */
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState, Prec } from "@codemirror/state";
import { oneDark } from "@codemirror/theme-one-dark";
import { drawSelection, EditorView, highlightActiveLine, keymap, lineNumbers } from "@codemirror/view";

const NO_BREAK_SPACE = "\u00a0";

function plainSpaces(text: string): string {
  return text.replaceAll(NO_BREAK_SPACE, " ");
}

export interface CodeEditor {
  readonly view: EditorView;
  text(): string;
}

export interface EditorOptions {
  parent: HTMLElement;
  doc: string;
  /** The accessible name of the editable area. */
  label: string;
  dark: boolean;
  /** Ctrl/Cmd+Enter. */
  onRun: () => void;
}

/** Sizes and fonts, as a CodeMirror theme: it goes wherever the editor's root is. */
const layout = EditorView.theme({
  "&": { minHeight: "16rem", maxHeight: "70vh", fontSize: "13px" },
  "&.cm-focused": { outline: "2px solid #fdba74" },
  ".cm-scroller": { fontFamily: "ui-monospace, monospace", overflow: "auto" },
});

export function createEditor({ parent, doc, label, dark, onRun }: EditorOptions): CodeEditor {
  // In a shadow root of its own: inside <gradio-lite>, whose content is slotted, Chromium does not let
  // CodeMirror move the caret; in its own root CodeMirror keeps the selection itself.
  const root = parent.attachShadow({ mode: "open" });
  const view = new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc,
      extensions: [
        // Above the default keymap, where Mod-Enter inserts a blank line.
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (onRun(), true) }])),
        layout,
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        indentOnInput(),
        bracketMatching(),
        python(),
        dark ? oneDark : syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        // Tab indents; Escape then Tab leaves the editor, as CodeMirror documents for keyboard users.
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": label }),
        // Code copied from a web page often carries no-break spaces, which Python refuses
        // ("invalid non-printable character U+00A0"): they become plain spaces on the way in.
        EditorView.clipboardInputFilter.of(plainSpaces),
        EditorView.inputHandler.of((view, from, to, text) => {
          if (!text.includes(NO_BREAK_SPACE)) return false;
          const insert = plainSpaces(text);
          view.dispatch({ changes: { from, to, insert }, selection: { anchor: from + insert.length }, userEvent: "input.type" });
          return true;
        }),
      ],
    }),
  });
  return { view, text: () => view.state.doc.toString() };
}

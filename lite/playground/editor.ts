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

export function createEditor({ parent, doc, label, dark, onRun }: EditorOptions): CodeEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        // Above the default keymap, where Mod-Enter inserts a blank line.
        Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (onRun(), true) }])),
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
      ],
    }),
  });
  return { view, text: () => view.state.doc.toString() };
}

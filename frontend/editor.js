// The code editor mlprep's problem page uses: CodeMirror 6 with Python highlighting,
// indentation, and Ctrl/Cmd+Enter bound to the page's submit action. Built into one file by
// ./build and served by the app itself.
import { basicSetup, EditorView } from "codemirror";
import { keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { indentUnit } from "@codemirror/language";
import { python } from "@codemirror/lang-python";

function createEditor(parent, doc, { onChange, onRun, onSubmit }) {
  const runKeys = keymap.of([
    { key: "Mod-Enter", preventDefault: true, run: () => { onSubmit(); return true; } },
    { key: "Mod-'", preventDefault: true, run: () => { onRun(); return true; } },
    indentWithTab,
  ]);
  return new EditorView({
    doc,
    parent,
    extensions: [
      runKeys,
      basicSetup,
      python(),
      indentUnit.of("    "),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) onChange(update.state.doc.toString());
      }),
    ],
  });
}

function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

window.mlprepEditor = { createEditor, setText };

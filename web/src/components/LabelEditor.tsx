// Labels as removable chips plus an input to add one; saving is the caller's job.
import { useId, useState } from "react";

import { propertyNameProblem } from "../properties";

export interface LabelEditorProps {
  labels: string[];
  busy: boolean;
  onSave: (labels: string[]) => void;
}

export function LabelEditor({ labels, busy, onSave }: LabelEditorProps) {
  const [draft, setDraft] = useState("");
  const id = useId();
  const problem = draft ? propertyNameProblem(draft) : null;
  const add = () => {
    if (!draft.trim() || problem) return;
    onSave([...labels, draft.trim()]);
    setDraft("");
  };
  return (
    <section aria-labelledby={`${id}-title`} className="labels">
      <h3 id={`${id}-title`}>Labels</h3>
      {labels.length === 0 ? <p>No labels.</p> : null}
      <ul className="chips">
        {labels.map((label) => (
          <li key={label} className="chip">
            {label}
            <button
              type="button"
              aria-label={`Remove label ${label}`}
              disabled={busy}
              onClick={() => onSave(labels.filter((l) => l !== label))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          add();
        }}
      >
        <label htmlFor={`${id}-new`}>New label</label>
        <input
          id={`${id}-new`}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
        <button type="submit" disabled={busy || !draft.trim() || Boolean(problem)}>
          {busy ? "Saving…" : "Add label"}
        </button>
        {problem && (
          <span id={`${id}-problem`} className="field-error">
            {problem}
          </span>
        )}
      </form>
    </section>
  );
}

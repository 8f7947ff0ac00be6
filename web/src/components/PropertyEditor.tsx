// Custom properties (not labels) as a table; string properties can be added, changed, removed.
import { useId, useState } from "react";

import { propertyNameProblem, valueOf, type Property } from "../properties";

export interface PropertyEditorProps {
  properties: readonly Property[];
  busy: boolean;
  onSet: (name: string, value: string | null) => void;
}

export function PropertyEditor({ properties, busy, onSet }: PropertyEditorProps) {
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const id = useId();
  const shown = properties.filter((p) => !p.isLabel);
  const problem = name ? propertyNameProblem(name) : null;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Custom properties</h3>
      {shown.length === 0 ? (
        <p>No custom properties.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Type</th>
              <th scope="col">Value</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.name}>
                <th scope="row">{p.name}</th>
                <td>{p.type}</td>
                <td>{valueOf(p)}</td>
                <td>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={`Remove property ${p.name}`}
                    onClick={() => onSet(p.name, null)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim() || problem) return;
          onSet(name.trim(), value);
          setName("");
          setValue("");
        }}
      >
        <label htmlFor={`${id}-name`}>Property name</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
        <label htmlFor={`${id}-value`}>Value</label>
        <input id={`${id}-value`} value={value} onChange={(e) => setValue(e.target.value)} />
        <button type="submit" disabled={busy || !name.trim() || Boolean(problem)}>
          {busy ? "Saving…" : "Set property"}
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

// A label above its control, tied by id, so the control's name is the label alone.
import { useId, type ReactNode } from "react";

export function FilterField({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="filter">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

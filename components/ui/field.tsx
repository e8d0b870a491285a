"use client";
import { Field, useField } from "./action-form";

export { Field } from "./action-form";

type Option = { value: string; label: string };

/** A labelled select with hint and error (see Field). Controlled when `value` is given. */
export function SelectField({
  name,
  label,
  hint,
  options,
  value,
  defaultValue,
  onChange,
}: {
  name: string;
  label: string;
  hint?: React.ReactNode;
  options: Option[];
  value?: string;
  defaultValue?: string;
  onChange?: (value: string) => void;
}) {
  return (
    <Field name={name} label={label} hint={hint}>
      {(p) => (
        <select {...p} {...(value !== undefined ? { value } : { defaultValue })} onChange={onChange ? (e) => onChange(e.target.value) : undefined}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Radio buttons or checkboxes in a fieldset: the legend names the group, hint and error describe it. */
export function ChoiceGroup({
  name,
  legend,
  hint,
  type = "radio",
  options,
  defaultValue,
}: {
  name: string;
  legend: string;
  hint?: React.ReactNode;
  type?: "radio" | "checkbox";
  options: Option[];
  defaultValue?: string | string[];
}) {
  const { id, error, props } = useField(name, legend, hint);
  const checked = (v: string) => (Array.isArray(defaultValue) ? defaultValue.includes(v) : defaultValue === v);
  return (
    <fieldset className="field" aria-describedby={props["aria-describedby"]} aria-invalid={props["aria-invalid"]}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {options.map((o, i) => (
        <label key={o.value} className="choice">
          <input type={type} name={name} value={o.value} defaultChecked={checked(o.value)} id={i === 0 ? id : undefined} /> {o.label}
        </label>
      ))}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

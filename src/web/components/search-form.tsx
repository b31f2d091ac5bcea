/**
 * A GET search form (the plan list's, the directory's): a label, a hint the field points to, one search
 * field and its button, the same markup and class wherever a list is searched.
 */
export function SearchForm(props: {
  action: string;
  /** The field's id; the hint's is `<id>-hint`. */
  id: string;
  label: string;
  hint: string;
  button: string;
  text: string;
  maxlength: number;
}) {
  const hint = `${props.id}-hint`;
  return (
    <form class="plan-search" role="search" method="get" action={props.action}>
      <label for={props.id}>{props.label}</label>
      <p class="help" id={hint}>
        {props.hint}
      </p>
      <div class="search-row">
        <input
          type="search"
          id={props.id}
          name="q"
          value={props.text}
          maxlength={props.maxlength}
          aria-describedby={hint}
          autocomplete="off"
        />
        <button type="submit">{props.button}</button>
      </div>
    </form>
  );
}

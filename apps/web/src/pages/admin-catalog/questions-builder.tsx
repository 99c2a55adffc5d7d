import { useId } from "react";
import { TextField } from "../../components/text-field.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { emptyQuestion, type QuestionDraft, type QuestionType } from "./offering-draft.ts";
import type { ProblemTextAt } from "./problem-text.ts";
import { SelectField } from "./select-field.tsx";

const types: QuestionType[] = ["text", "number", "select"];

/** The questions a guest answers when booking: free text, a number or a choice. */
export function QuestionsBuilder({
  questions,
  onChange,
  problemAt,
}: {
  questions: QuestionDraft[];
  onChange: (questions: QuestionDraft[]) => void;
  problemAt: ProblemTextAt;
}) {
  const { t } = useI18n();
  const listProblem = problemAt("questions");
  return (
    <fieldset className="card catalog-section">
      <legend>{t("adminCatalog.questions")}</legend>
      <p className="field-hint">{t("adminCatalog.questionsHint")}</p>
      {questions.length === 0 && <p className="muted">{t("adminCatalog.noQuestions")}</p>}
      {questions.map((question, index) => (
        <QuestionFields
          // Questions are edited in place; a saved one keeps its key, new ones have none yet.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          number={index + 1}
          question={question}
          path={`questions.${index}`}
          problemAt={problemAt}
          onChange={(changed) =>
            onChange(questions.map((current, i) => (i === index ? changed : current)))
          }
          onRemove={() => onChange(questions.filter((_, i) => i !== index))}
        />
      ))}
      {listProblem && !questions.some((_, i) => problemAt(`questions.${i}`)) && (
        <p className="field-error">{listProblem}</p>
      )}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => onChange([...questions, emptyQuestion()])}
      >
        {t("adminCatalog.question.add")}
      </button>
    </fieldset>
  );
}

function QuestionFields({
  number,
  question,
  path,
  problemAt,
  onChange,
  onRemove,
}: {
  number: number;
  question: QuestionDraft;
  path: string;
  problemAt: ProblemTextAt;
  onChange: (question: QuestionDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const optionsError = problemAt(`${path}.options`);
  return (
    <fieldset className="question" data-testid="question">
      <legend>{t("adminCatalog.question.heading", { number })}</legend>
      <TextField
        label={t("adminCatalog.question.label")}
        name={`${path}.label`}
        value={question.label}
        onChange={(label) => onChange({ ...question, label })}
        error={problemAt(`${path}.label`) ?? problemAt(`${path}.key`)}
        maxLength={200}
        autoComplete="off"
      />
      <SelectField
        label={t("adminCatalog.question.type")}
        name={`${path}.type`}
        value={question.type}
        options={types.map((type) => ({ value: type, label: t(`adminCatalog.question.${type}`) }))}
        onChange={(type) => onChange({ ...question, type: type as QuestionType })}
        error={problemAt(`${path}.type`)}
      />
      {question.type === "select" && (
        <div className="field">
          <label htmlFor={`${id}-options`}>{t("adminCatalog.question.options")}</label>
          <textarea
            id={`${id}-options`}
            name={`${path}.options`}
            rows={3}
            value={question.options}
            aria-invalid={optionsError ? true : undefined}
            aria-describedby={`${id}-options-hint${optionsError ? ` ${id}-options-error` : ""}`}
            onChange={(event) => onChange({ ...question, options: event.target.value })}
          />
          <p className="field-hint" id={`${id}-options-hint`}>
            {t("adminCatalog.question.optionsHint")}
          </p>
          {optionsError && (
            <p className="field-error" id={`${id}-options-error`}>
              {optionsError}
            </p>
          )}
        </div>
      )}
      {question.type === "number" && (
        <div className="catalog-row">
          <TextField
            label={t("adminCatalog.question.min")}
            name={`${path}.min`}
            inputMode="decimal"
            value={question.min}
            onChange={(min) => onChange({ ...question, min })}
            error={problemAt(`${path}.min`)}
            autoComplete="off"
          />
          <TextField
            label={t("adminCatalog.question.max")}
            name={`${path}.max`}
            inputMode="decimal"
            value={question.max}
            onChange={(max) => onChange({ ...question, max })}
            error={problemAt(`${path}.max`)}
            autoComplete="off"
          />
        </div>
      )}
      <div className="checkbox">
        <input
          type="checkbox"
          id={`${id}-required`}
          checked={question.required}
          onChange={(event) => onChange({ ...question, required: event.target.checked })}
        />
        <label htmlFor={`${id}-required`}>{t("adminCatalog.question.required")}</label>
      </div>
      <button type="button" className="button button-secondary button-small" onClick={onRemove}>
        {t("adminCatalog.question.remove", { number })}
      </button>
    </fieldset>
  );
}

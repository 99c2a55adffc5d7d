import type { VenueDto } from "@booking/contracts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { describePolicies } from "./describe-policies.ts";

export function PolicyList({ policies }: { policies: VenueDto["policies"] }) {
  const { t, language } = useI18n();
  return (
    <ul className="policy-list" data-testid="policies">
      {describePolicies(policies, t, language).map((sentence) => (
        <li key={sentence}>{sentence}</li>
      ))}
    </ul>
  );
}

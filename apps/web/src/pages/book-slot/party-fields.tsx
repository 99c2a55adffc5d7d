import { useI18n } from "../../i18n/use-i18n.ts";
import { FormField } from "./form-field.tsx";
import { largestParty, type Place } from "./slot-fit.ts";

/** The api's party limit for any booking (the domain's GUESTS_MAX). */
const partyLimit = 20;

/**
 * How many come and, where the offering has several places (bays, rooms), which one. The
 * party size shows only when a place holds more than one person; a place that is too small
 * for the party is not offered.
 */
export function PartyFields({
  places,
  party,
  placeId,
  onParty,
  onPlace,
}: {
  places: readonly Place[];
  party: number;
  placeId: string;
  onParty: (party: number) => void;
  onPlace: (placeId: string) => void;
}) {
  const { t } = useI18n();
  const largest = largestParty(places, partyLimit);
  const fitting = places.filter((place) => place.capacity >= party);
  if (largest <= 1 && places.length <= 1) return null;
  return (
    <div className="party-fields">
      {largest > 1 && (
        <FormField
          name="party"
          label={t("bookSlot.party")}
          value={String(party)}
          onChange={(value) => onParty(Number(value))}
          control={{
            kind: "select",
            noEmpty: true,
            options: Array.from({ length: largest }, (_, index) => ({
              value: String(index + 1),
              label: String(index + 1),
            })),
          }}
        />
      )}
      {places.length > 1 && (
        <FormField
          name="place"
          label={t("bookSlot.place")}
          value={placeId}
          onChange={onPlace}
          control={{
            kind: "select",
            noEmpty: true,
            options: [
              { value: "", label: t("bookSlot.anyPlace") },
              ...fitting.map((place) => ({ value: place.id, label: place.name })),
            ],
          }}
        />
      )}
    </div>
  );
}

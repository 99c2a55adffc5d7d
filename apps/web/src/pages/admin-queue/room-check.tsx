import type { BookingDto, ResourceDto } from "@booking/contracts";
import { useQuery } from "@tanstack/react-query";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { localDateIn } from "../my-bookings/booking-format.ts";
import { otherFreeAtStart, otherFreeRooms } from "./free-rooms.ts";

/**
 * Whether the request can still be had, asked of the availability api for its dates: its
 * own rooms are kept for it while it waits (a pending request blocks them), so what
 * matters is whether they are still in use at all, and what else is free if the booker
 * would take another.
 */
export function RoomCheck({
  booking,
  zone,
  resources,
}: {
  booking: BookingDto;
  zone: string;
  resources: ResourceDto[] | undefined;
}) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const stay = booking.checkIn !== undefined && booking.checkOut !== undefined;
  const nights = useQuery({
    ...trpc.availability.forOffering.queryOptions({
      offeringId: booking.offeringId,
      query: { from: booking.checkIn ?? "", to: booking.checkOut ?? "" },
    }),
    enabled: stay,
  });
  const slots = useQuery({
    ...trpc.availability.slots.queryOptions({
      offeringId: booking.offeringId,
      date: localDateIn(booking.start, zone),
    }),
    enabled: !stay,
  });
  const answer = stay ? nights : slots;
  const nameOf = (id: string) => resources?.find((resource) => resource.id === id)?.name ?? "…";
  const retired = booking.resourceIds.filter(
    (id) => resources?.find((resource) => resource.id === id)?.active === false,
  );

  if (answer.isPending) return <p aria-busy="true">{t("adminQueue.checking")}</p>;
  if (answer.isError) return <p className="inline-error">{describe(answer.error)}</p>;
  const data = answer.data;
  const others =
    "nights" in data
      ? otherFreeRooms(data.nights, booking.resourceIds)
      : otherFreeAtStart(data.slots, booking.start, booking.resourceIds);
  return (
    <div className="room-check" data-testid="room-check">
      {retired.length > 0 ? (
        <p className="warning">
          {t("adminQueue.retired", { names: retired.map(nameOf).join(", ") })}
        </p>
      ) : (
        <p>{t(stay ? "adminQueue.keptStay" : "adminQueue.keptSlot")}</p>
      )}
      <p className="muted">
        {others.length > 0
          ? t(stay ? "adminQueue.otherFreeStay" : "adminQueue.otherFreeSlot", {
              names: others.map(nameOf).join(", "),
            })
          : t(stay ? "adminQueue.noOtherFreeStay" : "adminQueue.noOtherFreeSlot")}
      </p>
    </div>
  );
}

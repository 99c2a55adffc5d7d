import type { VenueDto } from "@booking/contracts";

/** Street, then postal code and city, as letters in the DACH region and the UK are addressed. */
export function VenueAddress({ address }: { address: NonNullable<VenueDto["address"]> }) {
  return (
    <address className="venue-address">
      {address.street}
      <br />
      {address.postalCode} {address.city}
    </address>
  );
}

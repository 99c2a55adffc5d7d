import { Link, useNavigate } from "@tanstack/react-router";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { VenueForm } from "./venue-form.tsx";
import "./catalog.css";

export function NewVenuePage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin/catalog">{t("admin.nav.catalog")}</Link>
      </p>
      <PageHeading title={t("adminCatalog.newVenue")} />
      <p className="intro">{t("adminCatalog.newVenueIntro")}</p>
      <VenueForm
        onSaved={(venue) =>
          navigate({ to: "/admin/catalog/venues/$venueId", params: { venueId: venue.id } })
        }
      />
    </>
  );
}

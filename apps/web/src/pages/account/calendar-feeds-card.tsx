import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { ShownOnce } from "../../components/shown-once.tsx";
import { TextField } from "../../components/text-field.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { FeedItem } from "./feed-item.tsx";
import { useCalendarFeeds } from "./use-calendar-feeds.ts";

/**
 * The account's calendar feeds: private addresses a calendar app subscribes to. Everyone
 * may have feeds of their own bookings; admins also of every booking of a venue.
 */
export function CalendarFeedsCard({ isAdmin }: { isAdmin: boolean }) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const selectId = useId();
  const { list, create, revoke } = useCalendarFeeds();
  // Only admins choose a venue; everyone else's feed is of their own bookings.
  const venues = useQuery({ ...trpc.venues.list.queryOptions({ limit: 200 }), enabled: isAdmin });
  const [name, setName] = useState("");
  const [venueId, setVenueId] = useState("");
  const [nameMissing, setNameMissing] = useState(false);
  const [created, setCreated] = useState<{ name: string; url: string } | undefined>();
  const [revoked, setRevoked] = useState<string | undefined>();
  const venueName = (id: string) => venues.data?.items.find((venue) => venue.id === id)?.name;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    setNameMissing(trimmed === "");
    if (trimmed === "") return;
    setRevoked(undefined);
    create.mutate(
      { name: trimmed, ...(venueId ? { venueId } : {}) },
      {
        onSuccess: ({ url }) => {
          setCreated({ name: trimmed, url });
          setName("");
        },
      },
    );
  };

  return (
    <section className="card" aria-labelledby="feeds-heading">
      <h2 id="feeds-heading">{t("feeds.title")}</h2>
      <p>{t("feeds.intro")}</p>
      {created ? (
        <ShownOnce
          title={t("feeds.urlTitle", { name: created.name })}
          warning={t("feeds.urlWarning")}
          label={t("feeds.urlLabel")}
          value={created.url}
          testId="feed-url"
          onDismiss={() => setCreated(undefined)}
        />
      ) : (
        <form onSubmit={submit} noValidate className="inline-form">
          <TextField
            label={t("feeds.name")}
            name="feed-name"
            autoComplete="off"
            value={name}
            onChange={setName}
            error={nameMissing ? t("validation.required") : undefined}
            maxLength={200}
          />
          {isAdmin && venues.data && venues.data.items.length > 0 && (
            <div className="field">
              <label htmlFor={selectId}>{t("feeds.venue")}</label>
              <select
                id={selectId}
                value={venueId}
                onChange={(event) => setVenueId(event.target.value)}
              >
                <option value="">{t("feeds.venueMine")}</option>
                {venues.data.items.map((venue) => (
                  <option key={venue.id} value={venue.id}>
                    {t("feeds.venueAll", { venue: venue.name })}
                  </option>
                ))}
              </select>
            </div>
          )}
          <button type="submit" className="button" disabled={create.isPending}>
            {create.isPending ? t("feeds.creating") : t("feeds.create")}
          </button>
        </form>
      )}
      {create.isError && <Alert kind="error">{describe(create.error)}</Alert>}
      {revoke.isError && <Alert kind="error">{describe(revoke.error)}</Alert>}
      {revoked && <Alert kind="success">{t("feeds.revoked", { name: revoked })}</Alert>}
      {list.isPending && <p aria-busy="true">{t("app.loading")}</p>}
      {list.isError && <Alert kind="error">{describe(list.error)}</Alert>}
      {list.data &&
        (list.data.items.length === 0 ? (
          <p className="muted">{t("feeds.empty")}</p>
        ) : (
          <ul className="list" aria-labelledby="feeds-heading">
            {list.data.items.map((feed) => (
              <FeedItem
                key={feed.id}
                feed={feed}
                venueName={feed.venueId ? venueName(feed.venueId) : undefined}
                revoking={revoke.isPending && revoke.variables?.id === feed.id}
                onRevoke={() =>
                  revoke.mutate({ id: feed.id }, { onSuccess: () => setRevoked(feed.name) })
                }
              />
            ))}
          </ul>
        ))}
    </section>
  );
}

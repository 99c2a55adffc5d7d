import { useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n/use-i18n.ts";
import { formatCountdown } from "./zoned-time.ts";

/** The time left on a hold, ticking each second; calls `onExpire` once when it runs out. */
export function HoldCountdown({
  expiresAt,
  onExpire,
}: {
  expiresAt: string;
  onExpire: () => void;
}) {
  const { t } = useI18n();
  const deadline = Date.parse(expiresAt);
  const [now, setNow] = useState(() => Date.now());
  const expire = useRef(onExpire);
  expire.current = onExpire;

  useEffect(() => {
    let done = false;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      if (!done && current >= deadline) {
        done = true;
        expire.current();
      }
    };
    tick();
    const timer = window.setInterval(tick, 1000);
    return () => window.clearInterval(timer);
  }, [deadline]);

  const left = deadline - now;
  return (
    <div className="hold-countdown">
      {/* role=timer is not read out on every tick; the hint says what the number means. */}
      <p role="timer" className={left < 60_000 ? "countdown countdown-low" : "countdown"}>
        {t("bookSlot.countdown", { time: formatCountdown(left) })}
      </p>
      <p className="field-hint">{t("bookSlot.countdownHint")}</p>
    </div>
  );
}

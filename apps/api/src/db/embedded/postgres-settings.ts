/**
 * Settings for a PostgreSQL that shares a 512 MB Raspberry Pi with the api: a small
 * buffer cache, few connections, no parallel workers, no JIT. Passed on the command line
 * so that they apply to existing clusters too.
 */
export function embeddedServerSettings(socketDir: string): Record<string, string> {
  return {
    // Unix socket only: nothing listens on the network, and no port can collide.
    listen_addresses: "",
    unix_socket_directories: socketDir,
    unix_socket_permissions: "0700",
    max_connections: "30",
    // Two bookings racing for the same room both insert into the exclusion constraint's
    // index and then wait for each other: a deadlock by design, which the event store
    // retries. Found after 100 ms instead of the default second, a flash crowd does not hold
    // the few connections for seconds.
    deadlock_timeout: "100ms",
    shared_buffers: "16MB",
    effective_cache_size: "128MB",
    work_mem: "2MB",
    maintenance_work_mem: "16MB",
    temp_buffers: "4MB",
    max_wal_size: "256MB",
    min_wal_size: "32MB",
    max_worker_processes: "4",
    max_parallel_workers: "0",
    max_parallel_workers_per_gather: "0",
    max_parallel_maintenance_workers: "0",
    autovacuum_max_workers: "2",
    huge_pages: "off",
    jit: "off",
    lc_messages: "C",
    log_min_messages: "warning",
    // Clients that vanish (a killed api) must not hold locks until TCP keepalive notices.
    idle_in_transaction_session_timeout: "60s",
    // After a crash the server first flushes every file of the cluster, one fsync each,
    // before it accepts a connection: seconds of 503s (more on an SD card). syncfs flushes
    // the file system in one call; it exists on Linux only.
    recovery_init_sync_method: process.platform === "linux" ? "syncfs" : "fsync",
  };
}

export function settingsAsArguments(settings: Record<string, string>): string[] {
  return Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
}

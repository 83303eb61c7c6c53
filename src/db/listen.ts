/**
 * LISTEN on one PostgreSQL channel over a connection of its own. `onListen` runs once listening
 * has started and again after every reconnect, when notifications may have been missed.
 */
export type Listener = { close(): Promise<void> };

export async function listenPostgres(
  url: string,
  channel: string,
  handlers: { onNotify: (payload: string) => void; onListen: () => void },
): Promise<Listener> {
  const { default: postgres } = await import("postgres");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  await client.listen(channel, handlers.onNotify, handlers.onListen);
  return { close: () => client.end({ timeout: 5 }) };
}

/**
 * The one gate every call passes: find the channel in the contract, validate its argument against the contract's
 * schema, run the handler, and turn any failure into an envelope the renderer can show. Free of Electron so the
 * renderer tests route their calls through exactly this code.
 */
import type { z } from 'zod';
import { ParleyError } from '../../shared/model';
import { calls, type CallArgs, type CallName, type CallResult, type Envelope } from '../../shared/contract';

export type HandlerTable = {
  [K in CallName]: (args: CallArgs<K>) => Promise<CallResult<K>> | CallResult<K>;
};

const byChannel = new Map<string, CallName>(
  (Object.keys(calls) as CallName[]).map((name) => [calls[name].channel, name]),
);

export function channelNames(): string[] {
  return [...byChannel.keys()];
}

function fail(code: string, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

export async function dispatch(
  table: HandlerTable,
  channel: string,
  rawArgs: unknown,
): Promise<Envelope<unknown>> {
  const name = byChannel.get(channel);
  if (!name) return fail('unknown-channel', `Unknown call: ${String(channel).slice(0, 100)}`);
  const parsed = (calls[name].args as z.ZodType).safeParse(rawArgs);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    return fail(
      'invalid-arguments',
      `Invalid arguments for ${channel}${where}: ${issue?.message ?? 'rejected'}`,
    );
  }
  try {
    const handler = table[name] as (args: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (error) {
    if (error instanceof ParleyError) return fail(error.code, error.message);
    console.error(`[parley] ${channel} failed`, error);
    return fail(
      'internal',
      `Something went wrong in ${channel}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

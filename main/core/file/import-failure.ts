import { message, wordMessage, type Message } from '../../../shared/messages';

/**
 * A file that cannot be imported: a stable code, and the reason as a message code with parameters
 * (shared/messages.ts), so each reader's language words it; `message` is its Vietnamese wording.
 */
export class ImportFailure extends Error {
  readonly reason: Message;

  /** `reason`: a message; Vietnamese words where a reason has no code of its own yet ('refused.other'). */
  constructor(
    readonly code: string,
    reason: Message | string,
    readonly sheet: string | null = null,
    readonly cell: string | null = null,
  ) {
    const m = typeof reason === 'string' ? message('refused.other', { vi: reason }) : reason;
    super(wordMessage(m, 'vi'));
    this.reason = m;
    this.name = 'ImportFailure';
  }
}


import { wordMessage, type Message } from '../../../shared/messages';

/**
 * A file that cannot be imported: a stable code, and the reason as a message code with parameters
 * (shared/messages.ts), so each reader's language words it; `message` is its Vietnamese wording.
 */
export class ImportFailure extends Error {
  constructor(
    readonly code: string,
    readonly reason: Message,
    readonly sheet: string | null = null,
    readonly cell: string | null = null,
  ) {
    super(wordMessage(reason, 'vi'));
    this.name = 'ImportFailure';
  }
}


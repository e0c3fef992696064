/** The NOTIFY channel on which desks sharing a PostgreSQL store tell each other that something was committed. */
export const CHANGES_CHANNEL = 'tonghop_changes';

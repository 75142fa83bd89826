/** What a provider reports while a cluster starts: steps for a progress display, notices for the learner. */
export interface StartListener {
  step?(text: string): void;
  notice?(text: string): void;
}

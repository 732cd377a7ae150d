// A document of the page's session: a file of the folder, or an exercise
// opened beside them.

import type { Exercise } from "./api";

export interface Doc {
  uri: string;
  /** The file's path under the folder; for an exercise, where its unsaved overlay lives. */
  path: string;
  text: string;
  /** The text on disk as last read or saved (an exercise: its gap). */
  saved: string;
  exercise?: Exercise;
  showingFixed?: boolean;
}

/** Exercises live under this folder of the session (never on disk). */
export const EXERCISES = "studio-exercises/";

/** How the page names the document. */
export function label(doc: Doc): string {
  return doc.exercise ? `exercise ${doc.exercise.name}` : doc.path;
}

/** Whether the text differs from the folder's file (an exercise is never saved). */
export function changed(doc: Doc): boolean {
  return !doc.exercise && doc.text !== doc.saved;
}

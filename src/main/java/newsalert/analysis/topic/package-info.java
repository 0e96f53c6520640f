/**
 * Topic classification (attack, diplomacy): the lexicon and its loader, the frame, meeting, blast and
 * work-title rules, the optional topic model, and the severity score that decides alerts. Entry point:
 * {@link newsalert.analysis.topic.TopicClassifier}. Uses {@code newsalert.analysis.text} only.
 */
package newsalert.analysis.topic;

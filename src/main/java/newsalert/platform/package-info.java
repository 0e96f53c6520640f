/**
 * The chat platforms' adapters (one subpackage each: console, Discord, Telegram) and what they share: story links in
 * the ASCII form both chat platforms take ({@link newsalert.platform.Links}).
 */
package newsalert.platform;

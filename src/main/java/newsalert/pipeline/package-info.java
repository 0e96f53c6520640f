/**
 * One poll cycle: read each due feed (conditional GET), normalize its entries to stories, drop the
 * ones already seen, assess the new ones, store them with their alerts in one transaction, and hand
 * undelivered alerts to the alert sink. Time comes from an injected clock; nothing here sleeps.
 */
package newsalert.pipeline;

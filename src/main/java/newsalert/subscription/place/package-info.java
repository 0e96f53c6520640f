/**
 * Places a subscription can follow ({@code subscribe … in:ukraine,middle-east}): a gazetteer of countries,
 * first-level admin areas, cities and the team's regions, shipped as the resource
 * {@code newsalert/gazetteer.tsv} (built by {@code tools/gazetteer} from GeoNames and Debian iso-codes), and
 * the finder that reads which countries a story names. Pure: the resource is read once, then no I/O.
 */
package newsalert.subscription.place;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import newsalert.subscription.place.Gazetteer;
import newsalert.subscription.place.PlaceFinder;

/**
 * Thread CPU time of reading the gazetteer resource once (the start-up cost) and of finding the countries of
 * a story-sized text. Run from the repository after {@code mvn -B package -DskipTests}:
 * {@code java -cp target/classes tools/gazetteer/LoadCost.java}
 */
public class LoadCost {
    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long t0 = mx.getCurrentThreadCpuTime();
        Gazetteer g = Gazetteer.standard();
        long t1 = mx.getCurrentThreadCpuTime();
        System.out.printf("load: %.1f ms CPU, %d names%n", (t1 - t0) / 1e6, g.size());
        PlaceFinder f = new PlaceFinder(g);
        String text = "KYIV, Ukraine (Wire) - Russian missiles struck Kharkiv and Odesa overnight, officials said."
                + " The strikes came as envoys met in Geneva and Doha to discuss a ceasefire. ".repeat(8)
                + "Michael Jordan was not there. Police said the roads to Zaporizhzhia were closed.";
        for (int warm = 0; warm < 20_000; warm++) {
            f.countriesIn(text);
        }
        int n = 20_000;
        long a = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            f.countriesIn(text);
        }
        long b = mx.getCurrentThreadCpuTime();
        System.out.printf("countriesIn: %.1f us CPU per %d-char text -> %s%n", (b - a) / 1e3 / n, text.length(),
                f.countriesIn(text));
    }
}

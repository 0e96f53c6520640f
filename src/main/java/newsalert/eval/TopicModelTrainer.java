package newsalert.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import newsalert.analysis.AnalysisSettings;
import newsalert.analysis.Assessor;
import newsalert.analysis.text.Tokenizer;
import newsalert.analysis.topic.TopicModel;
import newsalert.analysis.topic.TopicModelRule;
import newsalert.story.Topic;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the {@link TopicModel} shipped in {@code src/main/resources/newsalert/topic-model.tsv}: one L2-regularised
 * logistic regression per topic (OpenNLP's quasi-Newton maxent trainer, one thread, so the same input gives the
 * same weights), over {@link TopicModel#features} of
 * <ul>
 *   <li>every item of the team's dev set ({@code src/test/resources/eval/dev.jsonl}), and</li>
 *   <li>every <b>working-half</b> item of the real-text labels that is not marked ambiguous (the blind half is
 *       never read for training; its items are dropped as soon as the labels are joined), and the topic-only
 *       labels of {@code --fresh} (working-half ids only; a blind id is refused), and</li>
 *   <li>with {@code --incidents}, the Wikipedia incident descriptions as attack items (no title).</li>
 * </ul>
 * With {@code --folds K} it writes nothing and prints, for the HuffPost working half, the rules alone, the model
 * alone and the rules with the model under several thresholds, each item scored by a model trained without its
 * fold (out-of-fold): the figures the thresholds in {@code topic-model.yml} are chosen from.
 *
 * <pre>
 * java -cp target/newsalert.jar newsalert.eval.TopicModelTrainer \
 *     [--labels src/test/resources/eval/real] [--corpus ../shared/corpus/news] \
 *     [--dev src/test/resources/eval/dev.jsonl] [--l2 1.0] [--cutoff 2] \
 *     [--incidents ../shared/corpus/news/wikipedia_terrorist_incidents_2016-2022.jsonl] \
 *     [--fresh src/test/resources/eval/real-topics/huffpost-3-topics.jsonl] \
 *     (--out src/main/resources/newsalert/topic-model.tsv | --folds 5)
 * </pre>
 */
public final class TopicModelTrainer {
    private static final String YES = "yes";
    private static final String NO = "no";

    private TopicModelTrainer() {
    }

    /** One training or evaluation item: its features and labelled topics. */
    record Sample(String id, String source, List<String> features, java.util.Set<Topic> topics, LabeledItem item) {
    }

    /**
     * @param args see the class comment
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        Path labels = Path.of(o.getOrDefault("--labels", "src/test/resources/eval/real"));
        Path corpus = Path.of(o.getOrDefault("--corpus", "../shared/corpus/news"));
        Path dev = Path.of(o.getOrDefault("--dev", "src/test/resources/eval/dev.jsonl"));
        double l2 = Double.parseDouble(o.getOrDefault("--l2", "1.0"));
        int cutoff = Integer.parseInt(o.getOrDefault("--cutoff", "2"));
        List<Sample> devSamples = devSamples(dev);
        List<Sample> working = workingSamples(labels, corpus);
        List<Sample> incidents = o.containsKey("--incidents") ? incidentSamples(Path.of(o.get("--incidents")))
                : List.of();
        devSamples = new ArrayList<>(devSamples);
        devSamples.addAll(incidents);
        Path freshFile = Path.of(o.getOrDefault("--fresh", "src/test/resources/eval/real-topics/huffpost-3-topics.jsonl"));
        List<Sample> fresh = Files.isRegularFile(freshFile) ? freshSamples(freshFile, corpus) : List.of();
        if (o.containsKey("--folds")) {
            crossValidate(devSamples, working, Integer.parseInt(o.get("--folds")), l2, cutoff);
            freshCheck(devSamples, working, fresh, l2, cutoff);
            return;
        }
        working = new ArrayList<>(working);
        working.addAll(fresh);
        Path out = Path.of(o.getOrDefault("--out", "src/main/resources/newsalert/topic-model.tsv"));
        List<Sample> all = new ArrayList<>(devSamples);
        all.addAll(working);
        Map<String, double[]> weights = train(all, l2, cutoff);
        write(out, weights, all.size(), devSamples.size() - incidents.size(), incidents.size(), working.size(), l2,
                cutoff);
        System.out.println("wrote " + out + ": " + (weights.size() - 1) + " features from " + all.size() + " items");
    }

    static List<Sample> devSamples(Path dev) {
        List<Sample> out = new ArrayList<>();
        for (LabeledItem item : LabeledReader.read(dev)) {
            out.add(sample(item, "dev"));
        }
        return out;
    }

    /**
     * The Wikipedia incident descriptions ({@code wikipedia_terrorist_incidents_2016-2022.jsonl}) as attack items:
     * each row's description as the body, with no title (a description's first sentence is no headline: as a title
     * it taught the model that "a" in a title means an attack). Their casualty labels are not used.
     */
    static List<Sample> incidentSamples(Path file) throws IOException {
        List<Sample> out = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String d = json.readTree(line).path("Description").asText("").strip();
            LabeledItem item = new LabeledItem("wp-" + n, "", d, java.util.Set.of(Topic.ATTACK), null,
                    List.of(), List.of());
            out.add(sample(item, "incidents"));
        }
        return out;
    }

    /** The working half's items not marked ambiguous, in id order; blind items are dropped unread. */
    static List<Sample> workingSamples(Path labels, Path corpus) throws IOException {
        RealCorpus text = new RealCorpus(corpus);
        List<Sample> out = new ArrayList<>();
        List<Path> files;
        try (var s = Files.list(labels)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path f : files) {
            for (RealLabelReader.RealItem r : RealLabelReader.read(f, text)) {
                if (!r.blind() && !r.ambiguous()) {
                    out.add(sample(r.item(), r.source()));
                }
            }
        }
        out.sort(Comparator.comparing(Sample::id));
        return out;
    }

    private static Sample sample(LabeledItem item, String source) {
        return new Sample(item.id(), source,
                TopicModel.features(Tokenizer.tokenize(item.title()), Tokenizer.tokenize(item.body())),
                item.topics(), item);
    }

    /** @return feature → weight per topic ordinal, {@link TopicModel#BIAS} included */
    static Map<String, double[]> train(List<Sample> samples, double l2, int cutoff) throws IOException {
        Map<String, double[]> weights = new TreeMap<>();
        for (Topic t : Topic.values()) {
            List<Event> events = new ArrayList<>(samples.size());
            for (Sample s : samples) {
                String[] context = new String[s.features().size() + 1];
                context[0] = TopicModel.BIAS;
                for (int i = 0; i < s.features().size(); i++) {
                    context[i + 1] = s.features().get(i);
                }
                events.add(new Event(s.topics().contains(t) ? YES : NO, context));
            }
            TrainingParameters p = new TrainingParameters();
            p.put(TrainingParameters.ALGORITHM_PARAM, QNTrainer.MAXENT_QN_VALUE);
            p.put(TrainingParameters.CUTOFF_PARAM, cutoff);
            p.put(TrainingParameters.ITERATIONS_PARAM, 300);
            p.put(QNTrainer.L2COST_PARAM, l2);
            p.put(QNTrainer.L1COST_PARAM, 0.0);
            p.put(QNTrainer.THREADS_PARAM, 1);
            p.put("PrintMessages", false);
            EventTrainer trainer = TrainerFactory.getEventTrainer(p, null);
            MaxentModel m = trainer.train(ObjectStreamUtils.createObjectStream(events));
            AbstractModel model = (AbstractModel) m;
            Object[] data = model.getDataStructures();
            @SuppressWarnings("unchecked")
            Map<String, Context> pmap = (Map<String, Context>) data[1];
            int yes = model.getIndex(YES);
            int no = model.getIndex(NO);
            for (Map.Entry<String, Context> e : pmap.entrySet()) {
                double wYes = 0;
                double wNo = 0;
                int[] outcomes = e.getValue().getOutcomes();
                double[] params = e.getValue().getParameters();
                for (int i = 0; i < outcomes.length; i++) {
                    if (outcomes[i] == yes) {
                        wYes = params[i];
                    } else if (outcomes[i] == no) {
                        wNo = params[i];
                    }
                }
                double w = wYes - wNo;
                if (Math.abs(w) >= 0.001) {
                    weights.computeIfAbsent(e.getKey(), k -> new double[Topic.values().length])[t.ordinal()] = w;
                }
            }
        }
        return weights;
    }

    private static void write(Path out, Map<String, double[]> weights, int items, int dev, int incidents,
                              int working, double l2, int cutoff) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("# newsalert topic model: logistic regression per topic over words and word pairs (TopicModel).\n");
        b.append("# Written by newsalert.eval.TopicModelTrainer (README \"Topic model\"); do not edit by hand.\n");
        b.append(String.format(Locale.ROOT, "# %d items: %d of the team's dev set, %d Wikipedia incident descriptions"
                + " (attack), %d of the real-text working half (not ambiguous); l2 %s, cutoff %d%n", items, dev,
                incidents, working, l2, cutoff));
        b.append("# topic\tfeature\tweight\n");
        for (Topic t : Topic.values()) {
            String name = t.name().toLowerCase(Locale.ROOT);
            for (Map.Entry<String, double[]> e : weights.entrySet()) {
                double w = e.getValue()[t.ordinal()];
                if (w != 0) {
                    b.append(name).append('\t').append(e.getKey()).append('\t')
                            .append(String.format(Locale.ROOT, "%.4f", w)).append('\n');
                }
            }
        }
        Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
    }

    /**
     * Topic-only labels of working-half items the rules were never tuned on ({@code {"id", "topics", "ambiguous"}}
     * per line); ambiguous ones are left out.
     *
     * @throws EvalInputException when an id is in the blind half
     */
    static List<Sample> freshSamples(Path file, Path corpus) throws IOException {
        RealCorpus text = new RealCorpus(corpus);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Sample> out = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            var node = json.readTree(line);
            String id = node.path("id").asText();
            if (RealLabelReader.blind(id)) {
                throw new EvalInputException(file + ":" + n + ": " + id + " is in the blind half; label only working"
                        + " items here", true);
            }
            if (node.path("ambiguous").asBoolean(false)) {
                continue;
            }
            java.util.Set<Topic> topics = java.util.EnumSet.noneOf(Topic.class);
            node.path("topics").forEach(t -> topics.add(Topic.valueOf(t.asText().toUpperCase(Locale.ROOT))));
            RealCorpus.Text t = text.text(id);
            out.add(sample(new LabeledItem(id, t.title(), t.body(), topics, null, List.of(), List.of()), "fresh"));
        }
        return out;
    }

    /** The rules alone and with a model trained on everything but the fresh items, on the fresh items. */
    private static void freshCheck(List<Sample> dev, List<Sample> working, List<Sample> fresh, double l2, int cutoff)
            throws IOException {
        if (fresh.isEmpty()) {
            return;
        }
        List<Sample> train = new ArrayList<>(dev);
        train.addAll(working);
        TopicModel model = new TopicModel(train(train, l2, cutoff));
        Map<String, Map<Topic, Double>> probs = new HashMap<>();
        for (Sample s : fresh) {
            Map<Topic, Double> p = new EnumMap<>(Topic.class);
            for (Topic t : Topic.values()) {
                p.put(t, model.score(t, s.features()).probability());
            }
            probs.put(s.id(), p);
        }
        System.out.printf(Locale.ROOT, "%nFresh working items (rules never tuned on them), %d not ambiguous%n",
                fresh.size());
        grid(fresh, probs);
    }

    private static void grid(List<Sample> target, Map<String, Map<Topic, Double>> oof) {
        Assessor rules = Assessor.create(AnalysisSettings.defaults(), null, TopicModelRule.OFF);
        Map<String, java.util.Set<Topic>> byRules = new HashMap<>();
        for (Sample s : target) {
            byRules.put(s.id(), rules.assess(s.item().story()).topics());
        }
        System.out.println("add   veto  | attack P R F1 | diplomacy P R F1 | macro-F1");
        double[] adds = {2, 0.5, 0.6, 0.7, 0.8, 0.9};
        double[] vetoes = {-1, 0.02, 0.05, 0.1, 0.2};
        for (double add : adds) {
            for (double veto : vetoes) {
                report(String.format(Locale.ROOT, "%-5s %-5s", add > 1 ? "off" : add, veto < 0 ? "off" : veto),
                        target, t -> s -> {
                            boolean r = byRules.get(s.id()).contains(t);
                            double p = oof.get(s.id()).get(t);
                            return r ? p > veto : p >= add;
                        });
            }
        }
        report("model alone 0.5", target, t -> s -> oof.get(s.id()).get(t) >= 0.5);
    }

    /** Out-of-fold figures on the HuffPost working half (see the class comment). */
    private static void crossValidate(List<Sample> dev, List<Sample> working, int folds, double l2, int cutoff)
            throws IOException {
        List<Sample> target = working.stream().filter(s -> s.source().equals("huffpost")).toList();
        List<Sample> others = working.stream().filter(s -> !s.source().equals("huffpost")).toList();
        Map<String, Map<Topic, Double>> oof = new HashMap<>();
        for (int f = 0; f < folds; f++) {
            List<Sample> train = new ArrayList<>(dev);
            train.addAll(others);
            List<Sample> test = new ArrayList<>();
            for (int i = 0; i < target.size(); i++) {
                (i % folds == f ? test : train).add(target.get(i));
            }
            TopicModel model = new TopicModel(train(train, l2, cutoff));
            for (Sample s : test) {
                Map<Topic, Double> p = new EnumMap<>(Topic.class);
                for (Topic t : Topic.values()) {
                    p.put(t, model.score(t, s.features()).probability());
                }
                oof.put(s.id(), p);
            }
        }
        System.out.printf(Locale.ROOT, "HuffPost working half, %d items not ambiguous, %d folds, l2 %s, cutoff %d%n",
                target.size(), folds, l2, cutoff);
        grid(target, oof);
    }

    private static void report(String name, List<Sample> items,
                               java.util.function.Function<Topic, java.util.function.Predicate<Sample>> decide) {
        StringBuilder b = new StringBuilder(name).append(" |");
        double macro = 0;
        for (Topic t : Topic.values()) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            java.util.function.Predicate<Sample> d = decide.apply(t);
            for (Sample s : items) {
                boolean gold = s.topics().contains(t);
                boolean got = d.test(s);
                tp += gold && got ? 1 : 0;
                fp += !gold && got ? 1 : 0;
                fn += gold && !got ? 1 : 0;
            }
            double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
            double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            macro += f1 / Topic.values().length;
            b.append(String.format(Locale.ROOT, " %d/%d %.3f %.3f %.3f |", tp, tp + fp, p, r, f1));
        }
        System.out.println(b.append(String.format(Locale.ROOT, " %.3f", macro)));
    }
}

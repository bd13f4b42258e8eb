import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.pmd.PMDConfiguration;
import net.sourceforge.pmd.PmdAnalysis;
import net.sourceforge.pmd.lang.rule.RuleSet;
import net.sourceforge.pmd.reporting.Report;
import net.sourceforge.pmd.reporting.RuleViolation;

/**
 * Runs PMD 7 (jars from @salesforce/code-analyzer-pmd-engine) through its Java API and prints one
 * tab-separated record per line for scripts/metadata/pmd.ts to parse:
 *   RULESET  name  ruleCount
 *   FILES    count
 *   VIOLATION  absolutePath  line  rule  ruleSet  message
 *   ERROR    path  message          (file that PMD could not process)
 *   CONFIG   rule  issue            (rule that PMD could not configure)
 * Usage: java PmdRunner --ruleset category/apex/security.xml [--ruleset ...] -- File.cls ...
 */
public final class PmdRunner {
    private PmdRunner() {}

    public static void main(String[] args) {
        List<String> ruleSets = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        boolean readingFiles = false;
        for (int i = 0; i < args.length; i++) {
            if (readingFiles) {
                files.add(Path.of(args[i]).toAbsolutePath());
            } else if ("--".equals(args[i])) {
                readingFiles = true;
            } else if ("--ruleset".equals(args[i]) && i + 1 < args.length) {
                ruleSets.add(args[++i]);
            } else {
                System.err.println("PmdRunner: unexpected argument " + args[i]);
                System.exit(2);
            }
        }

        PMDConfiguration config = new PMDConfiguration();
        config.setIgnoreIncrementalAnalysis(true);
        try (PmdAnalysis pmd = PmdAnalysis.create(config)) {
            for (String name : ruleSets) {
                RuleSet ruleSet = pmd.newRuleSetLoader().loadFromResource(name);
                print("RULESET", name, String.valueOf(ruleSet.size()));
                pmd.addRuleSet(ruleSet);
            }
            for (Path file : files) {
                pmd.files().addFile(file);
            }
            print("FILES", String.valueOf(pmd.files().getCollectedFiles().size()));

            Report report = pmd.performAnalysisAndCollectReport();
            for (RuleViolation v : report.getViolations()) {
                print(
                    "VIOLATION",
                    v.getFileId().getAbsolutePath(),
                    String.valueOf(v.getBeginLine()),
                    v.getRule().getName(),
                    v.getRule().getRuleSetName(),
                    v.getDescription()
                );
            }
            for (Report.ProcessingError e : report.getProcessingErrors()) {
                print("ERROR", e.getFileId().getAbsolutePath(), e.getMsg());
            }
            for (Report.ConfigurationError e : report.getConfigurationErrors()) {
                print("CONFIG", e.rule().getName(), e.issue());
            }
        }
    }

    private static void print(String... fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append('\t');
            }
            line.append(String.valueOf(fields[i]).replaceAll("[\\t\\r\\n]+", " "));
        }
        System.out.println(line);
    }
}

import com.nawforce.apexlink.api.Org;
import com.nawforce.apexlink.rpc.OpenOptions;
import com.nawforce.pkgforce.names.TypeIdentifier;
import com.nawforce.pkgforce.path.PathLocation;
import com.nawforce.runtime.platform.Path;
import io.github.apexdevtools.api.Issue;
import io.github.apexdevtools.api.IssueLocation;

/**
 * Type-checks whole SFDX projects with apex-ls (io.github.apex-dev-tools, the successor of
 * nawforce/apex-link; jar shipped in @salesforce/code-analyzer-pmd-engine) through its Java API, the
 * same calls its own CLI io.github.apexdevtools.apexls.CheckForIssues makes, and prints one
 * tab-separated record per line for scripts/metadata/apex-ls.ts to parse:
 *   WORKSPACE  index  directory
 *   TYPE       index  typeName  absolutePath     (every Apex type apex-ls loaded)
 *   ISSUE      index  absolutePath  startLine  startColumn  endLine  endColumn  category  isError  message
 *   DONE       index  milliseconds
 * Categories are apex-ls's: Syntax, Error, Missing (errors), Warning, Unused.
 * Usage: java ApexLsRunner <sfdx-project-directory> ...
 * Each directory gets its own Org in this JVM, so the fixed start-up cost is paid once.
 */
public final class ApexLsRunner {
    private ApexLsRunner() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("ApexLsRunner: no SFDX project directory given");
            System.exit(2);
        }
        // No on-disk cache (a fresh, reproducible analysis every run), no autoflush, no logging on
        // stdout; unused analysis on, so Unused issues are reported too (the caller decides what fails).
        OpenOptions options = OpenOptions.create()
            .withParser("OutlineSingle")
            .withAutoFlush(false)
            .withCache(false)
            .withLoggingLevel("none")
            .withUnused(true);
        for (int index = 0; index < args.length; index++) {
            long started = System.nanoTime();
            String workspace = java.nio.file.Path.of(args[index]).toAbsolutePath().toString();
            print("WORKSPACE", String.valueOf(index), workspace);
            Org org = Org.newOrg(Path.apply(workspace), options);
            for (TypeIdentifier type : org.getTypeIdentifiers(true)) {
                PathLocation location = org.getIdentifierLocation(type);
                print(
                    "TYPE",
                    String.valueOf(index),
                    type.typeName().toString(),
                    location == null ? "" : location.path().toString()
                );
            }
            for (Issue issue : org.issues().issuesForFiles(null, true, 0)) {
                IssueLocation at = issue.fileLocation();
                print(
                    "ISSUE",
                    String.valueOf(index),
                    issue.filePath(),
                    String.valueOf(at.startLineNumber()),
                    String.valueOf(at.startCharOffset()),
                    String.valueOf(at.endLineNumber()),
                    String.valueOf(at.endCharOffset()),
                    issue.rule().name(),
                    String.valueOf(issue.isError()),
                    issue.message()
                );
            }
            print("DONE", String.valueOf(index), String.valueOf((System.nanoTime() - started) / 1_000_000));
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

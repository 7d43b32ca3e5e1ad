package hotline.config;

import java.util.List;

/**
 * One language's end of the dialect ladder (call-scripts.md §4; docs/languages.md#dialect-queues):
 * which standard language its callers are asked for, and which colleagues take a caller who
 * cannot speak it. {@code inbound.dialect.by-language.<language>}.
 *
 * @param queues the dialect queues (queues.conf) tried in order: the first with a member logged in
 *               takes the call. Empty: the language has no dialect queue, and its ladder ends with
 *               {@code inbound.dialect.no-queue-prompt}, which promises no colleague
 * @param steps  the prompts that ask for the standard language, each followed by the yes-no question;
 *               the language's own recordings say which standard they ask for (es: Spanish, yue:
 *               Cantonese or Mandarin …). Empty: {@code inbound.dialect.steps}
 */
public record DialectRoute(List<String> queues, List<String> steps) {

    public DialectRoute {
        queues = queues == null ? List.of() : List.copyOf(queues);
        steps = steps == null ? List.of() : List.copyOf(steps);
        var check = new Check();
        check.queueNames("queues", queues);
        check.promptKeys("steps", steps);
        check.that("queues", queues.stream().distinct().count() == queues.size(), "a queue is named twice");
        check.done();
    }

    /** No dialect queue, the ladder's own steps. */
    static DialectRoute none() {
        return new DialectRoute(null, null);
    }
}

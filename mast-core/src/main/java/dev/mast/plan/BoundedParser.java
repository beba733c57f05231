package dev.mast.plan;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Sits between SnakeYAML's parser and its composer and stops a document that would be too big
 * once its aliases are expanded, at the event that makes it so. An alias costs nothing to compose
 * (it is a reference), but everything that walks the tree or quotes a value pays for each time a
 * value is repeated; SnakeYAML's own limit counts only aliases of collections, so one long text
 * aliased thousands of times passed it and cost gigabytes. Here every value counts, scalars too,
 * and so does the text they hold. Nesting is limited here too, so that the message is located.
 */
final class BoundedParser implements Parser {
    /** A plan nests five levels deep; a Kismatic file about as many. */
    static final int MAX_DEPTH = 50;
    /** Values (keys and items count) with aliases expanded: a plan of a thousand nodes holds about 20,000. */
    static final long MAX_VALUES = 100_000;
    /** Characters of text with aliases expanded: four times the largest file Mast reads. */
    static final long MAX_TEXT = 4L * YamlText.MAX_BYTES;

    /** The document went over a limit; {@link YamlSource} turns it into a located problem. */
    static final class LimitException extends RuntimeException {
        private final transient Mark mark;

        LimitException(Mark mark, String message) {
            super(message, null, false, false);
            this.mark = mark;
        }

        Mark mark() {
            return mark;
        }
    }

    /** How much an anchored value weighs, with the aliases inside it expanded. */
    private record Weight(long values, long text) { }

    /** A collection being read: its anchor, and the totals when it started. */
    private record Open(String anchor, long values, long text) { }

    private final Parser parser;
    private final Map<String, Weight> anchors = new HashMap<>();
    private final Deque<Open> open = new ArrayDeque<>();
    private long values;
    private long text;
    private Mark lastMark;

    BoundedParser(Parser parser) {
        this.parser = parser;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        return seen(parser.peekEvent());
    }

    @Override
    public Event getEvent() {
        Event event = seen(parser.getEvent());
        if (event != null) {
            count(event);
        }
        return event;
    }

    /** Notes where an event is; past the end of the stream there is none. */
    private Event seen(Event event) {
        if (event != null) {
            lastMark = event.getStartMark();
        }
        return event;
    }

    /** Where the parser was last: the place to name for a failure SnakeYAML reports without one. */
    Mark lastMark() {
        return lastMark;
    }

    private void count(Event event) {
        if (event instanceof ScalarEvent scalar) {
            add(1, scalar.getValue().length(), event, null);
            if (scalar.getAnchor() != null) {
                anchors.put(scalar.getAnchor(), new Weight(1, scalar.getValue().length()));
            }
        } else if (event instanceof CollectionStartEvent start) {
            if (open.size() >= MAX_DEPTH) {
                throw new LimitException(event.getStartMark(), "values are nested more than " + MAX_DEPTH
                        + " levels deep here; Mast's files need a few levels: is a bracket or indentation off?");
            }
            open.push(new Open(start.getAnchor(), values, text));
            add(1, 0, event, null);
        } else if (event instanceof CollectionEndEvent) {
            Open done = open.pop();
            if (done.anchor() != null) {
                anchors.put(done.anchor(), new Weight(values - done.values(), text - done.text()));
            }
        } else if (event instanceof AliasEvent alias) {
            countAlias(alias);
        }
    }

    private void countAlias(AliasEvent alias) {
        String name = "*" + SafeText.brief(alias.getAnchor());
        if (open.stream().anyMatch(o -> alias.getAnchor().equals(o.anchor()))) {
            throw new LimitException(alias.getStartMark(), "the alias " + name + " stands for a value it is part of;"
                    + " a value cannot contain itself");
        }
        Weight weight = anchors.get(alias.getAnchor());
        if (weight != null) { // an undefined alias is the composer's to report
            add(weight.values(), weight.text(), alias, name);
        }
    }

    private void add(long moreValues, long moreText, Event at, String alias) {
        values += moreValues;
        text += moreText;
        String over = values > MAX_VALUES ? MAX_VALUES + " values (a plan of a thousand nodes holds about 20000)"
                : text > MAX_TEXT ? MAX_TEXT + " characters of text" : null;
        if (over == null) {
            return;
        }
        throw new LimitException(at.getStartMark(), alias == null
                ? "the file holds more than " + over
                : "the alias " + alias + " repeats " + (moreValues == 1 ? "a value" : moreValues + " values") + " (" + moreText
                + " characters of text); with its aliases expanded the file holds more than " + over
                + ": write the values out, or use fewer aliases");
    }
}

package vn.hdnd.ledger.verifier;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} (or {@code --name=value}) pairs after the command, checked against what the command takes. */
final class Options {

    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(List<String> args, Set<String> allowed) throws InputException {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new InputException("unexpected argument '" + arg + "'");
            }
            String name;
            String value;
            int equals = arg.indexOf('=');
            if (equals > 0) {
                name = arg.substring(2, equals);
                value = arg.substring(equals + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.size()) {
                    throw new InputException("option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (!allowed.contains(name)) {
                throw new InputException("unknown option --" + name);
            }
            if (values.put(name, value) != null) {
                throw new InputException("option --" + name + " given twice");
            }
        }
        return new Options(values);
    }

    Path path(String name) throws InputException {
        String value = values.get(name);
        if (value == null || value.isBlank()) {
            throw new InputException("missing option --" + name);
        }
        return Path.of(value);
    }
}

package org.passerelle.modelguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the expressions of a model before it is deployed and names what a lead may not write: reflection,
 * engine services, beans that are not exposed, unknown functions. The evaluation guard
 * ({@link GuardedMemberResolver}) stays the last word; this gives the lead a clear refusal at deploy time.
 */
class ExpressionRules {

    private static final Pattern QUOTED = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern QUOTED_MEMBER = Pattern.compile("\\[\\s*(?:'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\")\\s*]");
    private static final Pattern IDENTIFIER = Pattern.compile("(\\.\\s*)?([A-Za-z_$][\\w$]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty",
            "div", "mod", "true", "false", "null", "instanceof");
    private static final Set<String> FUNCTIONS = GuardedExpressionManager.FUNCTIONS;
    private static final Set<String> SCOPES = Set.of("execution", "task", "externalTask", "caseExecution");
    private static final Set<String> ENGINE_REACH = Set.of("processEngine", "processEngineServices",
            "getProcessEngine", "getProcessEngineServices", "processEngineConfiguration", "bpmnModelInstance",
            "getBpmnModelInstance", "bpmnModelElementInstance", "getBpmnModelElementInstance", "applicationContext");

    private final ModelBeans beans;

    ExpressionRules(ModelBeans beans) {
        this.beans = beans;
    }

    /** Every rule the text breaks, in French; empty when it holds no expression or a harmless one. */
    List<String> check(String text) {
        List<String> broken = new ArrayList<>();
        for (String expression : expressionsIn(text)) {
            checkOne(expression, broken);
        }
        return broken;
    }

    /** The bodies of ${…} and #{…}, a closing brace inside a quoted string not ending them. */
    static List<String> expressionsIn(String text) {
        List<String> found = new ArrayList<>();
        for (int start = 0; start < text.length() - 1; start++) {
            char c = text.charAt(start);
            if ((c != '$' && c != '#') || text.charAt(start + 1) != '{') {
                continue;
            }
            char quote = 0;
            int end = start + 2;
            for (; end < text.length(); end++) {
                char d = text.charAt(end);
                if (quote != 0) {
                    if (d == '\\') {
                        end++;
                    } else if (d == quote) {
                        quote = 0;
                    }
                } else if (d == '\'' || d == '"') {
                    quote = d;
                } else if (d == '}') {
                    break;
                }
            }
            found.add(text.substring(start + 2, Math.min(end, text.length())));
            start = end;
        }
        return found;
    }

    private void checkOne(String expression, List<String> broken) {
        Matcher quotedMembers = QUOTED_MEMBER.matcher(expression);
        while (quotedMembers.find()) {
            String member = quotedMembers.group(1) != null ? quotedMembers.group(1) : quotedMembers.group(2);
            checkMember(null, member, broken);
        }
        String code = QUOTED.matcher(expression).replaceAll("''");
        Matcher identifiers = IDENTIFIER.matcher(code);
        String root = null;
        while (identifiers.find()) {
            boolean member = identifiers.group(1) != null;
            boolean call = identifiers.group(3) != null;
            String name = identifiers.group(2);
            if (member) {
                checkMember(root, name, broken);
                root = null;
            } else if (!KEYWORDS.contains(name)) {
                checkRoot(name, call, code, identifiers.end(), broken);
                root = name;
            }
        }
    }

    private void checkRoot(String name, boolean call, String code, int end, List<String> broken) {
        boolean followedByMember = !call && code.substring(end).stripLeading().startsWith(".");
        if (call) {
            if (!FUNCTIONS.contains(name)) {
                broken.add("fonction « " + name + "() » inconnue (seules currentUser(), currentUserGroups(), dateTime() et now() sont permises)");
            }
        } else if (beans.isDelegate(name) && followedByMember) {
            broken.add("le délégué « " + name + " » s'utilise seulement comme délégué d'une tâche, pas dans une expression");
        } else if (!beans.isDelegate(name) && !beans.isSettings(name) && !SCOPES.contains(name) && beans.isAnyBean(name)) {
            broken.add("« " + name + " » est un composant interne de Passerelle, inaccessible aux modèles");
        }
    }

    private void checkMember(String root, String member, List<String> broken) {
        if (GuardedMemberResolver.REFLECTION.contains(member)) {
            broken.add("réflexion Java interdite (« " + member + " »)");
        } else if (ENGINE_REACH.contains(member) || member.endsWith("Service") || member.endsWith("Services")) {
            broken.add("accès aux services du moteur interdit (« " + member + " »)");
        } else if (root != null && SCOPES.contains(root) && !GuardedMemberResolver.SCOPE_READS.contains(member)) {
            broken.add("sur « " + root + " », seules les variables se lisent (« " + member + " » refusé)");
        } else if (root != null && beans.isSettings(root) && !beans.readableProperties(root).contains(member)) {
            broken.add("le paramètre « " + root + "." + member + " » n'est pas lisible par les modèles (lisibles : "
                    + String.join(", ", beans.readableProperties(root)) + ")");
        }
    }
}

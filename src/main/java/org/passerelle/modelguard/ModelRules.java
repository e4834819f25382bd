package org.passerelle.modelguard;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * What a deployment may contain. A programme lead's models are input, not code: BPMN and DMN whose
 * expressions only read values, delegates from the palette, Camunda Forms; no scripts, no Java classes,
 * no embedded HTML forms, no other files.
 */
class ModelRules {

    static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    /** Camunda still reads its extensions under the old Activiti namespace: both are held to the same rules. */
    static final String ACTIVITI_NS = "http://activiti.org/bpmn";
    private static final Set<String> ALLOWED_SUFFIXES = Set.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form");
    // FEEL only: a JUEL input could hand FEEL an arbitrary Java object whose methods FEEL would call.
    private static final Set<String> DMN_LANGUAGES = Set.of("feel", "https://www.omg.org/spec/dmn/20191111/feel/",
            "http://www.omg.org/spec/feel/20140401", "https://www.omg.org/spec/dmn/20180521/feel/");
    private static final Pattern DELEGATE = Pattern.compile("\\$\\{\\s*([A-Za-z_][\\w]*)\\s*}");
    private static final Pattern FEEL_EXTERNAL = Pattern.compile("\\bexternal\\s*\\{", Pattern.CASE_INSENSITIVE);

    private final ModelBeans beans;
    private final ExpressionRules expressions;
    private final java.util.function.Supplier<java.util.Collection<DelegateInputCheck>> inputChecks;

    ModelRules(ModelBeans beans) {
        this(beans, java.util.List::of);
    }

    ModelRules(ModelBeans beans, java.util.function.Supplier<java.util.Collection<DelegateInputCheck>> inputChecks) {
        this.beans = beans;
        this.expressions = new ExpressionRules(beans);
        this.inputChecks = inputChecks;
    }

    /** Checks one resource; {@code formKnown} tells whether a Camunda Form id exists (deployed or in the same deployment). */
    List<ModelViolation> check(String resourceName, byte[] content, Predicate<String> formKnown) {
        String lower = resourceName.toLowerCase(Locale.ROOT);
        List<ModelViolation> found = new ArrayList<>();
        if (ALLOWED_SUFFIXES.stream().noneMatch(lower::endsWith)) {
            found.add(new ModelViolation(resourceName, null,
                    "type de fichier refusé (seuls .bpmn, .dmn et .form se déploient)"));
            return found;
        }
        if (lower.endsWith(".form")) {
            return found;
        }
        Document document = parse(resourceName, content, found);
        if (document != null) {
            boolean dmn = lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
            walk(resourceName, document.getDocumentElement(), dmn, formKnown, found);
        }
        return found;
    }

    private void walk(String resource, Element element, boolean dmn, Predicate<String> formKnown, List<ModelViolation> found) {
        String label = label(element);
        String name = element.getLocalName();
        // Any element named script, in whatever namespace (a script task, a camunda:script, a stray HTML one).
        if ("scriptTask".equals(name) || "script".equals(name)) {
            found.add(new ModelViolation(resource, label, "les scripts sont interdits (utilisez une tâche de la palette)"));
        }
        if (!dmn && (element.hasAttributeNS(CAMUNDA_NS, "delegateExpression") || element.hasAttributeNS(ACTIVITI_NS, "delegateExpression"))) {
            checkInputs(resource, label, element, found);
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            checkAttribute(resource, label, (Attr) attributes.item(i), dmn, formKnown, found);
        }
        // The engine joins an element's text pieces (a comment or CDATA may split "${"): checked joined.
        StringBuilder text = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element childElement) {
                walk(resource, childElement, dmn, formKnown, found);
            } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        checkText(resource, label, text.toString(), dmn, found);
    }

    /** The palette task's typed inputs, checked by the check of its delegate when there is one. */
    private void checkInputs(String resource, String label, Element task, List<ModelViolation> found) {
        String expression = task.hasAttributeNS(CAMUNDA_NS, "delegateExpression") ? task.getAttributeNS(CAMUNDA_NS, "delegateExpression")
                : task.getAttributeNS(ACTIVITI_NS, "delegateExpression");
        Matcher delegate = DELEGATE.matcher(expression.strip());
        if (!delegate.matches()) {
            return;
        }
        for (DelegateInputCheck check : inputChecks.get()) {
            if (check.delegateName().equals(delegate.group(1))) {
                java.util.Map<String, String> inputs = new java.util.HashMap<>();
                for (String namespace : List.of(CAMUNDA_NS, ACTIVITI_NS)) {
                    var parameters = task.getElementsByTagNameNS(namespace, "inputParameter");
                    for (int i = 0; i < parameters.getLength(); i++) {
                        Element parameter = (Element) parameters.item(i);
                        // A list, a map or a script is not plain text: its check sees no value.
                        boolean plain = parameter.getElementsByTagNameNS("*", "*").getLength() == 0;
                        inputs.put(parameter.getAttribute("name"), plain ? parameter.getTextContent() : null);
                    }
                }
                check.problems(inputs).forEach(problem -> found.add(new ModelViolation(resource, label, problem)));
            }
        }
    }

    private void checkAttribute(String resource, String label, Attr attribute, boolean dmn, Predicate<String> formKnown,
            List<ModelViolation> found) {
        String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        String value = attribute.getValue();
        boolean camunda = CAMUNDA_NS.equals(attribute.getNamespaceURI()) || ACTIVITI_NS.equals(attribute.getNamespaceURI());
        if (camunda && "type".equals(local) && !"external".equals(value)) {
            found.add(new ModelViolation(resource, label, "type de tâche « " + value
                    + " » refusé (seules les tâches de la palette et les tâches externes se déploient)"));
        } else if (camunda && "class".equals(local)) {
            found.add(new ModelViolation(resource, label, "une classe Java (camunda:class) ne se déploie pas : "
                    + "choisissez un délégué de la palette"));
        } else if (camunda && ("resource".equals(local) || "scriptFormat".equals(local))) {
            found.add(new ModelViolation(resource, label, "les scripts et ressources externes sont interdits"));
        } else if (camunda && "formKey".equals(local) && !value.startsWith("camunda-forms:")) {
            found.add(new ModelViolation(resource, label, "formulaire intégré refusé : utilisez un Camunda Form (camunda:formRef)"));
        } else if (camunda && "delegateExpression".equals(local)) {
            Matcher delegate = DELEGATE.matcher(value.strip());
            if (!delegate.matches() || !beans.isDelegate(delegate.group(1))) {
                found.add(new ModelViolation(resource, label, "délégué inconnu « " + value
                        + " » : choisissez une tâche de la palette (modèles d'éléments)"));
            }
            return;
        } else if (camunda && "formRef".equals(local) && !formKnown.test(value)) {
            found.add(new ModelViolation(resource, label, "le formulaire « " + value
                    + " » n'est ni dans ce déploiement ni déjà déployé"));
        } else if (dmn && "expressionLanguage".equals(local) && !DMN_LANGUAGES.contains(value.toLowerCase(Locale.ROOT))) {
            found.add(new ModelViolation(resource, label, "langage d'expression « " + value
                    + " » refusé (FEEL seulement)"));
        } else if ("scriptFormat".equals(local)) {
            found.add(new ModelViolation(resource, label, "les scripts sont interdits"));
        }
        checkText(resource, label, value, dmn, found);
    }

    private void checkText(String resource, String label, String text, boolean dmn, List<ModelViolation> found) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String rule : expressions.check(text)) {
            found.add(new ModelViolation(resource, label, rule));
        }
        if (dmn && FEEL_EXTERNAL.matcher(text).find()) {
            found.add(new ModelViolation(resource, label, "les fonctions externes (Java) sont interdites en FEEL"));
        }
    }

    private static String label(Element element) {
        String id = element.getAttribute("id");
        String name = element.getAttribute("name");
        if (id.isEmpty()) {
            return element.getLocalName();
        }
        return name.isEmpty() ? id : id + " (" + name + ")";
    }

    private static Document parse(String resource, byte[] content, List<ModelViolation> found) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder.parse(new ByteArrayInputStream(content));
        } catch (Exception e) {
            found.add(new ModelViolation(resource, null, "fichier XML illisible ou doté d'une DOCTYPE (refusée)"));
            return null;
        }
    }
}

# Passerelle for a pilot: build with the Maven wrapper, run on a JRE. Not needed for the README's two commands.
#   docker build -t passerelle .
#   docker compose up            (with compose.yaml: PostgreSQL + Passerelle)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN ./mvnw -B -q -DskipTests package && cp target/passerelle-*.jar /passerelle.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 passerelle
WORKDIR /app
COPY --from=build /passerelle.jar passerelle.jar
USER passerelle
EXPOSE 8080
# The orchestrator or load balancer probes /actuator/health/liveness and /actuator/health/readiness (README).
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/passerelle.jar"]

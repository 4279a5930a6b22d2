# Build and run the AVG process application (production settings: SPRING_PROFILES_ACTIVE=productie).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 avg && mkdir -p /app/data && chown avg /app/data
WORKDIR /app
COPY --from=build /src/target/avg-procesapplicatie-*.jar /app/app.jar
USER avg
ENV SPRING_PROFILES_ACTIVE=productie TZ=Europe/Amsterdam
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD wget -qO- http://localhost:8080/actuator/health || exit 1
ENTRYPOINT ["java", "-Duser.timezone=Europe/Amsterdam", "-jar", "/app/app.jar"]

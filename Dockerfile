# Runtime image for the record. Build the jar first: mvn -B -DskipTests package
FROM eclipse-temurin:17-jre
RUN useradd --system --home /app council && mkdir -p /app/data && chown council /app/data
WORKDIR /app
COPY server/target/council-record.jar /app/council-record.jar
USER council
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD wget -qO- http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/council-record.jar"]

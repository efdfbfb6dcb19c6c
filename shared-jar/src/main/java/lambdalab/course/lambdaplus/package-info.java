/**
 * Lambda+ (module 9): sensors post readings to an application server, which writes each one to Kafka
 * ({@link lambdalab.course.lambdaplus.PlusSchema#TOPIC}) and to Cassandra ({@code lambda_plus.records}).
 * A Spark Streaming job turns the Kafka stream into per-bucket rollups every second; Spark batch jobs
 * over the records older than a horizon correct those rollups and fill the per-sensor ones. One store
 * (Cassandra), one code base: both jobs aggregate with {@link lambdalab.course.lambdaplus.Rollup}.
 */
package lambdalab.course.lambdaplus;

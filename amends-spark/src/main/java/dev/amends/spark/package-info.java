/**
 * Amends on Apache Spark: the decisions of {@code amends credit}, made on Spark executors for
 * fleets kept in tables.
 *
 * <p>{@link dev.amends.spark.SparkCredits} is the job an application calls; {@link
 * dev.amends.spark.SparkSchemas} documents the rows it reads and writes; {@link
 * dev.amends.spark.SparkCreditRun} holds the decisions, the rejections and the liability summary;
 * {@link dev.amends.spark.SparkCreditMain} is the {@code spark-submit} entry point. Everything
 * else is package-private.
 */
package dev.amends.spark;

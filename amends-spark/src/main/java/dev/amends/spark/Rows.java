package dev.amends.spark;

import java.util.List;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/** Small helpers for building rows. */
final class Rows {
  private Rows() {}

  /** A Java list as the Scala sequence an array column's encoder takes. */
  static <T> Seq<T> seq(List<T> list) {
    return CollectionConverters.asScala(list).toList();
  }
}

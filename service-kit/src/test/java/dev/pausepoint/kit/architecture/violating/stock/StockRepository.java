package dev.pausepoint.kit.architecture.violating.stock;

/** The suffix without the stereotype. */
public class StockRepository {
}

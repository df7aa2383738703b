package dev.pausepoint.kit.architecture.violating.stock;

import org.springframework.stereotype.Repository;

/** Persistence under the other suffix. */
@Repository
public class StockStore {
}

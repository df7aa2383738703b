-- Room on each page for a pause's next version. Every pause is updated moments after its insert (its
-- delivery status, from delivery-service's event), and an update whose new version fits on the same page
-- touches none of the table's three indexes (a HOT update). Filled to the brim, a third of those updates
-- went to another page and wrote three index entries each; at 80 % about one in eight does. The table does
-- not grow for it: the old versions are pruned in place. Measured on a copy of this table with 6,000
-- inserts each followed by its update (docs/benchmark.md, "Where the CPU goes"). Applies to pages written
-- from now on.
ALTER TABLE pause SET (fillfactor = 80);

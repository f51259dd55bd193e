// Tests in this project share no state; run them in parallel.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass)]

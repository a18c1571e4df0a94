"""Articles: the Article model, loaders for every file format, segmentation and selections."""
